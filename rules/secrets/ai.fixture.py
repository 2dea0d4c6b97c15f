# ruleid: secrets.anthropic.api-key
ANTHROPIC_API_KEY = "sk-ant-api03-duf7ZCfRJfLNEK6XygWonJTT7sL-aN5766lhgLCTvJ5sLyDE_yFiIoHWiWgfG7l07USMgcZLQQ_JvvbOsG1OOvy1PN9tHAA"
# ok: secrets.anthropic.api-key
ANTHROPIC_API_KEY = "sk-ant-api03-duf7ZCfRJfLNEK6XygWonJTT7xx-xxxxxxxxxxxxxxxxxxxx_xxxxxxxxxxxxxxxxxxxxxxxxx_xxxxxxxxxxxxxxxxxxxx"
# ok: secrets.anthropic.api-key
VALUE = "sk-ant-api03-duf7ZCfRJfLNEK6XygWonJTT7sL-aN5766lhgLCTvJ5sLyDE_yFiIoHWiWgfG7l07USMgcZLQQ_JvvbOsG1OOvy1PN"
# ruleid: secrets.huggingface.org-token
HF_ORG_TOKEN = "api_org_qPreG95aZe4HG5B6Hq6Uu3hgP08ChoeDTE"
# ok: secrets.huggingface.org-token
HF_ORG_TOKEN = "api_org_qPreG95xxxxxxxxxxxxxxxxxxxxxxxxxxx"
# ok: secrets.huggingface.org-token
VALUE = "api_org_qPreG95aZe4HG5B6Hq6Uu3hgP08Ch"
# ruleid: secrets.perplexity.api-key
PERPLEXITY_API_KEY = "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"
# ok: secrets.perplexity.api-key
PERPLEXITY_API_KEY = "pplx-VnoSja2w90NN6Mxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
# ok: secrets.perplexity.api-key
VALUE = "pplx-VnoSja2w90NN6MTZmX0q1b1MK48KyasPs4mRRInuJbB"
# ruleid: secrets.langsmith.api-key
LANGSMITH_API_KEY = "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"
# ok: secrets.langsmith.api-key
LANGSMITH_API_KEY = "lsv2_pt_5a4b9f3a73xxxxxxxxxxxxxxxxxxxxxx_xxxxxxxxxx"
# ok: secrets.langsmith.api-key
VALUE = "lsv2_pt_5a4b9f3a730fbc6edeb8eace00770831_4d186"
# ruleid: secrets.cohere.api-key
COHERE_API_KEY = "kCaNeCfrCA2SIvmvKC9lxqdEeRkg1anZQvHIA2m7"
# ok: secrets.cohere.api-key
COHERE_API_KEY = "kCaNeCfrCA2SIvxxxxxxxxxxxxxxxxxxxxxxxxxx"
# ok: secrets.cohere.api-key
VALUE = "kCaNeCfrCA2SIvmvKC9lxqdEeRkg1anZQvH"
# ruleid: secrets.azure.openai-key
AZURE_OPENAI_API_KEY = "3ffa1cf18a9578103f3a8a97ba0aa76e"
# ok: secrets.azure.openai-key
AZURE_OPENAI_API_KEY = "3ffa1cf18a95xxxxxxxxxxxxxxxxxxxx"
# ok: secrets.azure.openai-key
VALUE = "3ffa1cf18a9578103f3a8a97ba0"
# ruleid: secrets.elevenlabs.api-key
ELEVENLABS_API_KEY = "3d6d0e660815129fb4a18d4ca1733359f"
# ok: secrets.elevenlabs.api-key
ELEVENLABS_API_KEY = "3d6d0e660815xxxxxxxxxxxxxxxxxxxxx"
# ok: secrets.elevenlabs.api-key
VALUE = "3d6d0e660815129fb4a18d4ca173"
# ruleid: secrets.nvidia.api-key
client = OpenAI(base_url="https://integrate.api.nvidia.com/v1", api_key="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")
# ok: secrets.nvidia.api-key
NV_DOC = "nvapi-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
# ruleid: secrets.tavily.api-key
tavily_client = TavilyClient(api_key="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")
# ok: secrets.tavily.api-key
tavily_client = TavilyClient(api_key="tvly-YOUR_API_KEY")
# ruleid: secrets.firecrawl.api-key
app = FirecrawlApp(api_key="fc-106bf32136b2aaea1f852986e5515196")
# ok: secrets.firecrawl.api-key
css_class = "sfc-106bf32136b2aaea1f852986e5515196"
# ruleid: secrets.cerebras.api-key
client = Cerebras(api_key="csk-c2x746d2my2eo8zpn6kb4fkskwopbrv7ts21kwjgpcmy3mx4")
# ok: secrets.cerebras.api-key
VALUE = "csk-C2X746D2MY2EO8ZPN6KB4FKSKWOPBRV7TS21KWJGPCMY3MX4"
# A key set by a two-argument setter, and a W&B key passed to its login (our own fakes).
# ruleid: secrets.azure.openai-key
os.environ.setdefault("AZURE_OPENAI_KEY", "f1971ff97aa7c9b2f9cb66c4941b73f3")
# ruleid: secrets.wandb.api-key
wandb.login(key="4fe2801ec96db8a500f9375f1b30bed0ce6ba457")
# ruleid: secrets.wandb.api-key
WANDB_API_KEY = "9c1d5e0f3a9b7c2e6d4f1a8b3c5e7d9f0a2b4c6e"
# ok: secrets.wandb.api-key
wandb.login(key=os.environ["WANDB_API_KEY"])

# The key passed to the SDK client, positionally or by name.
import cohere

# ruleid: secrets.cohere.api-key
co = cohere.Client("38AibNyyurlGFb0EkjKWREhbiGjlvhkTp3SKQOo6")
# ruleid: secrets.cohere.api-key
co2 = cohere.ClientV2(api_key="6oOQKS3pTkhvljGibhERWKjkE0bFGlruyyNbiA83")
# ok: secrets.cohere.api-key
co3 = cohere.Client(os.environ["COHERE_API_KEY"])
