# vigil-fixture-path: tests/test_mail.py
# A short password in a test file is that test's fixture: not reported (issue 16).
# ok: secrets.generic.chosen-password
smtp_pass = "lollipop4me"
