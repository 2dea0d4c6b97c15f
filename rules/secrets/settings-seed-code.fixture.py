# Tuples in code are no settings rows: a Django migration's dependencies.
from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        # ok: secrets.generic.sql-setting
        ('authtoken', '0002_auto_20160226_1747'),
    ]
