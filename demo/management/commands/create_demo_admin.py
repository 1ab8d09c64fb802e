from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Create the demo administrator (development only) and print how to log in."

    def add_arguments(self, parser):
        parser.add_argument("--username", default="admin")
        parser.add_argument("--password", default="admin-demo-2026")

    def handle(self, *args, username, password, **options):
        User = get_user_model()
        if not User.objects.filter(username=username).exists():
            User.objects.create_superuser(username=username, email="admin@example.org", password=password)
        self.stdout.write(
            self.style.SUCCESS(
                "Log in to the admin at http://127.0.0.1:8000/admin/ "
                f"with username '{username}' and password '{password}' (created by `make run`, development only)."
            )
        )
