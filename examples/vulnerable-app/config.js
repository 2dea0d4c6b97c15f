// Runtime configuration. Intentionally holds hard-coded (fake) credentials: see README.md.
module.exports = {
  port: Number(process.env.PORT) || 3000,
  db: { host: 'db.internal', user: 'shop_admin' },
  aws: {
    region: 'eu-central-1',
    accessKeyId: 'AKIAFZBFW3NNK7DOMSEC',
    secretAccessKey: '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',
    bucket: 'shop-invoices',
  },
  stripe: {
    secretKey: 'sk_live_ilkmZAwLUE1uEDTnIVOtTdE2',
  },
  github: {
    token: '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',
  },
};
