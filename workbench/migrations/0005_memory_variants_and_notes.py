"""The memory keeps regional variants, notes and properties (issue 13)."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("workbench", "0004_translation_memory")]

    operations = []
