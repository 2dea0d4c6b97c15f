# The same shapes in code are not this rule's: a short literal there is as often a test's or a form's.
# ok: secrets.generic.config-short-password
password = "Zr4nk"
# ok: secrets.generic.config-short-password
PASSWORD = 'Hq7rb'
