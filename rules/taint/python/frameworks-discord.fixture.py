import asyncio
import os

import aiohttp
import discord
from discord import app_commands
from discord.ext import commands

bot = commands.Bot(command_prefix="!", intents=discord.Intents.default())
ASSETS = os.path.realpath("assets")


@bot.event
async def on_message(message):
    if message.content.startswith("=>"):
        # ruleid: py.code-injection.eval
        exec(message.content[2:])
    await bot.process_commands(message)


@bot.event
async def on_ready():
    # ok: py.code-injection.eval
    exec("print('ready')")


@bot.command()
async def dig(ctx, domain: str):
    # ruleid: py.cmdi.subprocess-shell
    await asyncio.create_subprocess_shell(f"dig +short {domain}")


@bot.command()
async def repeat(ctx, times: int):
    # ok: py.cmdi.subprocess-shell
    await asyncio.create_subprocess_shell(f"seq {times}")


@bot.command()
async def raw(ctx):
    # ruleid: py.code-injection.eval
    eval(ctx.message.content.removeprefix("!raw "))


class Utility(commands.Cog):
    def __init__(self, bot):
        self.bot = bot

    @commands.command()
    async def calc(self, ctx, *, expr: str):
        # ruleid: py.code-injection.eval
        await ctx.send(str(eval(expr)))

    @commands.command()
    async def meme(self, ctx, name: str):
        # ruleid: py.path-traversal.open
        await ctx.send(file=discord.File(os.path.join(ASSETS, name)))

    @commands.command()
    async def sticker(self, ctx, name: str):
        path = os.path.realpath(os.path.join(ASSETS, name))
        if not path.startswith(ASSETS + os.sep):
            return
        # ok: py.path-traversal.open
        await ctx.send(file=discord.File(path))

    @app_commands.command()
    async def unfurl(self, interaction: discord.Interaction, url: str):
        async with aiohttp.ClientSession() as session:
            # ruleid: py.ssrf.http-client
            async with session.get(url) as resp:
                await interaction.response.send_message(str(resp.status))

    @commands.Cog.listener()
    async def on_message(self, message):
        # ruleid: py.code-injection.eval
        eval(message.content)
