from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUP_NAME = "Training coordinators"
PERMISSIONS = [
    ("attendance", "view_certificate"),
    ("attendance", "add_certificate"),
    ("attendance", "change_certificate"),
    ("attendance", "view_attendancelog"),
    ("attendance", "change_certificatesettings"),
]


def grant(apps, schema_editor):
    # Permissions are normally created after all migrations run; the group needs them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _created = Group.objects.get_or_create(name=GROUP_NAME)
    for app_label, codename in PERMISSIONS:
        group.permissions.add(Permission.objects.get(content_type__app_label=app_label, codename=codename))


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group = Group.objects.filter(name=GROUP_NAME).first()
    if group:
        group.permissions.remove(*Permission.objects.filter(content_type__app_label="attendance"))


class Migration(migrations.Migration):
    dependencies = [
        ("attendance", "0001_certificates_and_attendance_log"),
        ("programs", "0002_training_coordinators_group"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
