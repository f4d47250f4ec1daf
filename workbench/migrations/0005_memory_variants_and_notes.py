"""The memory keeps regional variants, notes and properties (issue 13).

Entries stored before keep their language as their variant: the tag they
came with was not kept.
"""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("workbench", "0004_translation_memory")]

    operations = [
        migrations.AddField(
            model_name="memoryentry",
            name="source_variant",
            field=models.CharField(
                default="", max_length=35, verbose_name="source language as given"
            ),
        ),
        migrations.AddField(
            model_name="memoryentry",
            name="target_variant",
            field=models.CharField(
                default="", max_length=35, verbose_name="target language as given"
            ),
        ),
        migrations.RunSQL(
            "UPDATE workbench_memoryentry SET source_variant = source_language,"
            " target_variant = target_language",
            reverse_sql=migrations.RunSQL.noop,
        ),
        migrations.AddField(
            model_name="memoryentry",
            name="notes",
            field=models.JSONField(
                blank=True,
                default=list,
                help_text="Notes on the pair or on one side, as files gave them.",
                verbose_name="notes",
            ),
        ),
        migrations.AddField(
            model_name="memoryentry",
            name="props",
            field=models.JSONField(
                blank=True,
                default=list,
                help_text="Typed properties on the pair or on one side (TMX prop).",
                verbose_name="properties",
            ),
        ),
        migrations.AddField(
            model_name="memoryentry",
            name="attributes",
            field=models.JSONField(
                blank=True,
                default=dict,
                help_text="What a TMX file said of the unit and of each side.",
                verbose_name="TMX attributes",
            ),
        ),
    ]
