"""Settings for the admin app. Intentionally holds hard-coded (fake) credentials: see README.md."""
DEBUG = True
SECRET_KEY = "e5e**xvzf5&de7x741a6qrr-=rw$*gejw23%vj_=r%8zudkz%a"
SQLITE_PATH = "admin.db"

AWS_ACCESS_KEY_ID = "AKIAYVYKK64RBAO3KPWR"
AWS_SECRET_ACCESS_KEY = "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"
AWS_STORAGE_BUCKET_NAME = "shop-admin-exports"

STRIPE_API_KEY = "sk_live_ilkmZAwLUE1uEDTnIVOtTdE2"
