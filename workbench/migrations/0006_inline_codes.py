"""Inline codes: what each code in a paragraph, sentence or memory entry is."""

from django.db import migrations, models


def _codes(help_text):
    return models.JSONField(
        blank=True, default=dict, help_text=help_text, verbose_name="inline codes"
    )


class Migration(migrations.Migration):
    dependencies = [("workbench", "0005_memory_variants_and_notes")]

    operations = [
        migrations.AddField(
            model_name="paragraph",
            name="codes",
            field=_codes("What each inline code in the text stands for (core.inline)."),
        ),
        migrations.AddField(
            model_name="segment",
            name="codes",
            field=_codes(
                "What each inline code in the source stands for (core.inline)."
            ),
        ),
        migrations.AddField(
            model_name="memoryentry",
            name="codes",
            field=_codes(
                "What each inline code in the texts stands for (core.inline)."
            ),
        ),
    ]
