from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUP_NAME = "Training coordinators"
PERMISSIONS = [
    ("programs", "view_registration"),
    ("programs", "change_registration"),
    ("programs", "view_registrationemail"),
    ("programs", "change_registrationemail"),
    ("wagtailadmin", "access_admin"),
]


def create_group(apps, schema_editor):
    # Permissions are normally created after all migrations run; this group needs them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _created = Group.objects.get_or_create(name=GROUP_NAME)
    for app_label, codename in PERMISSIONS:
        group.permissions.add(Permission.objects.get(content_type__app_label=app_label, codename=codename))


def remove_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=GROUP_NAME).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("programs", "0001_initial"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_group, remove_group)]
