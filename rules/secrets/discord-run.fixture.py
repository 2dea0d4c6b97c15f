# discord.py: the bot runs with its token (issue 16). Fake value.
import os

import discord

bot = discord.Client(intents=discord.Intents.default())
# ruleid: secrets.discord.bot-token
bot.run("MzY3MTIzMzM2NzAxMzIzNjEw.SlYsF7.-IlysMNcd9w09WWs8Z8P1sKm4DKkaDnfJ1-igD")
# ok: secrets.discord.bot-token
bot.run(os.environ["DISCORD_TOKEN"])
