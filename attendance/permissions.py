"""Who may do what: coordinators check people in (the registration change permission) and issue or revoke
certificates (the certificate permissions), as the "Training coordinators" group is given."""

from programs.coordinators import registration_permission_policy


def can_check_in(user):
    return registration_permission_policy.user_has_permission(user, "change")


def can_view_registrations(user):
    return registration_permission_policy.user_has_permission(user, "view")


def can_issue_certificates(user):
    return user.is_active and user.has_perm("attendance.add_certificate")


def can_revoke_certificates(user):
    return user.is_active and user.has_perm("attendance.change_certificate")
