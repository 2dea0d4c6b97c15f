# Short passwords a person chose, under password-like names (issue 16). Values are our own fakes.
import os

# ruleid: secrets.generic.chosen-password
smtp_pass = "lollipop4me"
# ruleid: secrets.generic.chosen-password
ADMIN_PWD = "Bubba2Bubba"
# A password the entropy floor keeps stays the password rule's, at its own severity.
# ruleid: secrets.generic.password-assignment
db_password = "Otter!Pond"
# ok: secrets.generic.chosen-password
db_password_env = os.environ["DB_PASSWORD"]
# A word with a year after it in one case is not a chosen password's mix.
# ok: secrets.generic.chosen-password
mail_pass = "letter2020"
# ok: secrets.generic.chosen-password
reset_pass = "resetPassword2"
# A placeholder from a word list.
# ok: secrets.generic.chosen-password
root_pwd = "Changeme123!"
# A format string.
# ok: secrets.generic.chosen-password
pass_fmt = "%(user)s:9x"
# A comparison is not an assignment.
# ok: secrets.generic.chosen-password
ok = pwd == "Falc0n#42x"
# `bypass` and `passport` are not password names.
# ok: secrets.generic.chosen-password
bypass = "Zq7!mountain"
# ok: secrets.generic.chosen-password
passport = "Zq7!mountain"
# Seventeen characters or more is the password rule's alone.
# ok: secrets.generic.chosen-password
db_pass_note = "Winter!2023Harbour"
