import OpenAI from 'openai';

export const settings = {
  // ruleid: secrets.openai.api-key
  openaiKey: "sk-proj-NloPAmXXndI9le1kI3YLoJT6O0nPuMKvo8jMr8Y4T3BlbkFJemFaDGGCg9QPvtZQa05mfShL7uEIOejp2nnERN66",
  // ruleid: secrets.db.postgres-uri
  databaseUrl: `postgres://app:aCIi05fHFWkv_9%c@db.internal:5432/app`,
};

export const client = new OpenAI({ apiKey: settings.openaiKey });
