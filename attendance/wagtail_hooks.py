from wagtail import hooks

from .emails import add_to_registration_email

hooks.register("registration_email", add_to_registration_email)
