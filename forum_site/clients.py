"""The visitor's address, the one way every counter of the site reads it (rate limit, login throttling,
repeat downloads).

`X-Forwarded-For` is read only when TRUSTED_PROXY_COUNT says how many proxies stand in front of the app
servers (a CDN, a load balancer...). Each proxy appends the address it received the request from, so with N
trusted proxies the visitor's address is the N-th entry from the right: everything left of it was written by
the client and may be forged. Without a trusted proxy the header is ignored, whatever it says: the address is
the connection's (REMOTE_ADDR).
"""

import ipaddress

from django.conf import settings


def _address(value):
    try:
        return str(ipaddress.ip_address(value.strip()))
    except ValueError:
        return None


def client_ip(request):
    remote = request.META.get("REMOTE_ADDR", "")
    count = settings.TRUSTED_PROXY_COUNT
    if count <= 0:
        return remote
    forwarded = [entry for entry in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if entry.strip()]
    if len(forwarded) < count:
        # Fewer entries than trusted proxies: a proxy was bypassed or misconfigured; the connection is the truth.
        return remote
    return _address(forwarded[-count]) or remote


def axes_client_ip(request, *args, **kwargs):
    """AXES_CLIENT_IP_CALLABLE: django-axes reads the address through client_ip too."""
    return client_ip(request)
