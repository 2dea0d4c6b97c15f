// ruleid: secrets.openai.api-key
const OPENAI_API_KEY = "sk-proj-zffAshojKmB_DCmrq6TiMGMurPQoA9JNVySkDQroIXqg6_4gOgFNOPT3BlbkFJQ0F7e-HGPCnTXqbg0YRVeHUxBWub-cdOnfHmzUBZfrZg4v4ESnIrEnPQ-Jhomz_rI-FWdff";
// ok: secrets.openai.api-key
const OPENAI_API_KEY = "sk-proj-zffAshojKmB_DCmrq6TiMGMurPQoA9JNVySkDQroIXxxx_xxxxxxxxxxxxxxxxxxxxx-xxxxxxxxxxxxxxxxxxxxxx-xxxxxxxxxxxxxxxxxxxxxxxxxxx-xxxxx_xx-xxxxx";
// ruleid: secrets.huggingface.token
const HF_TOKEN = "hf_naynipyef8nMfUuS2f79zPR3vRdymmNDi3";
// ok: secrets.huggingface.token
const HF_TOKEN = "hf_naynipyef8xxxxxxxxxxxxxxxxxxxxxxxx";
// ok: secrets.huggingface.token
const VALUE = "hf_naynipyef8nMfUuS2f79zPR3vRdym";
// ruleid: secrets.groq.api-key
const GROQ_API_KEY = "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";
// ok: secrets.groq.api-key
const GROQ_API_KEY = "gsk_JTnUPoxUOQoYuxx7xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx";
// ok: secrets.groq.api-key
const VALUE = "gsk_JTnUPoxUOQoYuxx7aiIS8qH48pA0kItDxNDQCOiTjfhvlJj";
// ruleid: secrets.openrouter.api-key
const OPENROUTER_API_KEY = "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";
// ok: secrets.openrouter.api-key
const OPENROUTER_API_KEY = "sk-or-v1-5bfa66eeb82fa772axxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx";
// ok: secrets.openrouter.api-key
const VALUE = "sk-or-v1-5bfa66eeb82fa772aee4cb14996187538e0bd1aecc55656d1e3eb8c8fe5";
// ruleid: secrets.pinecone.api-key
const PINECONE_API_KEY = "pcsk_Sa1a_qj83LqBZifeksW2X706TDj0045ZQjqUgF4jAI6nuG41ItTCQdqPxOXH8QT2ftFYyO";
// ok: secrets.pinecone.api-key
const PINECONE_API_KEY = "pcsk_Sa1a_qj83LqBZifeksW2X7xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx";
// ruleid: secrets.deepseek.api-key
const DEEPSEEK_API_KEY = "sk-f9ebcc0849194f299bfe57699fc636a0";
// ok: secrets.deepseek.api-key
const DEEPSEEK_API_KEY = "sk-f9ebcc0849xxxxxxxxxxxxxxxxxxxxxx";
// ok: secrets.deepseek.api-key
const VALUE = "sk-f9ebcc0849194f299bfe57699fc";
// ruleid: secrets.assemblyai.api-key
const ASSEMBLYAI_API_KEY = "c79c4415e830e50dade618e9b62d7aa3";
// ok: secrets.assemblyai.api-key
const ASSEMBLYAI_API_KEY = "c79c4415e830xxxxxxxxxxxxxxxxxxxx";
// ok: secrets.assemblyai.api-key
const VALUE = "c79c4415e830e50dade618e9b62";
