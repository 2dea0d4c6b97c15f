# discord.py: the bot runs with its token (issue 16). Fake value.
import os

import discord

bot = discord.Client(intents=discord.Intents.default())
# ruleid: secrets.discord.bot-token
bot.run("MzY3MTIzMzM2NzAxMzIzNjEw.SlYsF7.-IlysMNcd9w09WWs8Z8P1sKm4DKkaDnfJ1-igD")
# ok: secrets.discord.bot-token
bot.run(os.environ["DISCORD_TOKEN"])

# Discord's REST API takes the token as `Authorization: Bot <token>`, whatever the variable is called.
import httpx

client = httpx.Client(
    base_url="https://discord.com/api/v10",
    # ruleid: secrets.discord.bot-token
    headers={"Authorization": "Bot MTc0Mzk2MzQ3NDMxMzUyMjgwOQ.ALBSdR.TmUSS_BBCbR4joyowc18DdgDkeJLa2J4Z_3oKZ"},
)
# ok: secrets.discord.bot-token
headers = {"Authorization": f"Bot {os.environ['DISCORD_BOT_TOKEN']}"}
# A robot's name in prose is no header.
# ok: secrets.discord.bot-token
NOTE = "Bot Nightwatch pages the on-call engineer"
