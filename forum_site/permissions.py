from wagtail.permission_policies import ModelPermissionPolicy


class ChangeOnlyPermissionPolicy(ModelPermissionPolicy):
    """For records the site makes and keeps (registrations, certificates): the admin may view and change them
    as the model's permissions allow, but never adds or deletes one."""

    def user_has_permission(self, user, action):
        if action in ("add", "delete"):
            return False
        return super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)
