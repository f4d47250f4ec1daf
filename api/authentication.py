"""``Authorization: Bearer wb_…`` (or ``Token wb_…``): a personal token."""

from django.utils.translation import gettext as _

from rest_framework import authentication, exceptions

from api.tokens import find


class TokenAuthentication(authentication.BaseAuthentication):
    keywords = ("bearer", "token")

    def authenticate(self, request):
        header = authentication.get_authorization_header(request).split()
        if not header or header[0].lower().decode("latin-1") not in self.keywords:
            return None
        if len(header) != 2:
            raise exceptions.AuthenticationFailed(
                _("The Authorization header holds one token after its keyword.")
            )
        try:
            raw = header[1].decode("ascii")
        except UnicodeDecodeError as error:
            raise exceptions.AuthenticationFailed(
                _("That token is not valid.")
            ) from error
        token = find(raw)
        if token is None:
            raise exceptions.AuthenticationFailed(
                _("That token is not valid, or was revoked.")
            )
        return token.user, token

    def authenticate_header(self, request):
        return 'Bearer realm="api"'
