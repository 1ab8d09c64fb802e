from django.db import migrations

INDEX = "search_indexentry_title_body_gin"


def create_index(apps, schema_editor):
    # modelsearch's PostgreSQL backend matches `title || body` against the query, which its per-column GIN
    # indexes cannot serve: without an index on that exact expression every search scans every entry.
    if schema_editor.connection.vendor == "postgresql":
        table = apps.get_model("wagtailsearch", "IndexEntry")._meta.db_table
        schema_editor.execute(
            f'CREATE INDEX IF NOT EXISTS {INDEX} ON "{table}" USING gin ((("{table}"."title" || "{table}"."body")))'
        )


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [("wagtailsearch", "0010_add_text_fields")]

    operations = [migrations.RunPython(create_index, drop_index)]
