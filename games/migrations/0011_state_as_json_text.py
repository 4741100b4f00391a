# The state and stream counters as JSON text instead of jsonb (games/models/fast_json.py).

from django.db import migrations

import games.models.fast_json

# Columns rewritten on every batch of a game: lz4 compresses them faster than PostgreSQL's
# default pglz. PostgreSQL 14 and later, when built with lz4 (Debian's and the official
# images are); elsewhere the column keeps the default and nothing else changes.
LZ4_COLUMNS = ("state", "stream_seqs")


def compress_with_lz4(apps, schema_editor):
    connection = schema_editor.connection
    if connection.vendor != "postgresql" or connection.pg_version < 140000:
        return
    table = schema_editor.quote_name("games_gamesession")
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_settings WHERE name = 'default_toast_compression' AND 'lz4' = ANY(enumvals)")
        if cursor.fetchone() is None:
            return
        for column in LZ4_COLUMNS:
            cursor.execute(f"ALTER TABLE {table} ALTER COLUMN {schema_editor.quote_name(column)} SET COMPRESSION lz4")


class Migration(migrations.Migration):
    dependencies = [
        ("games", "0010_state_fast_json"),
    ]

    operations = [
        migrations.AlterField(
            model_name="gamesession",
            name="state",
            field=games.models.fast_json.JSONTextField(verbose_name="état"),
        ),
        migrations.AlterField(
            model_name="gamesession",
            name="stream_seqs",
            field=games.models.fast_json.JSONTextField(blank=True, default=dict),
        ),
        migrations.RunPython(compress_with_lz4, migrations.RunPython.noop),
    ]
