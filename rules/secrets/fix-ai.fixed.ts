import OpenAI from 'openai';

export const settings = {
  // ruleid: secrets.openai.api-key
  openaiKey: process.env.OPENAI_API_KEY,
  // ruleid: secrets.db.postgres-uri
  databaseUrl: process.env.DATABASE_URL,
};

export const client = new OpenAI({ apiKey: settings.openaiKey });
