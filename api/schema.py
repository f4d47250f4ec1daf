"""How the schema describes our token: a bearer token (drf-spectacular
finds this extension by the authentication class it names)."""

from drf_spectacular.extensions import OpenApiAuthenticationExtension


class TokenScheme(OpenApiAuthenticationExtension):
    target_class = "api.authentication.TokenAuthentication"
    name = "token"

    def get_security_definition(self, auto_schema):
        return {
            "type": "http",
            "scheme": "bearer",
            "description": "A personal API token (wb_…) from the API tokens page.",
        }


#: The errors any operation may answer, as problem details.
ERRORS = {
    "400": "The request is not valid (the field errors say why).",
    "401": "No token, or a token that is not valid.",
    "403": "Your role does not allow this.",
    "404": "No such record.",
    "429": "Too many requests: wait for Retry-After seconds.",
}


def problem_responses(result, generator, request, public):
    """Every operation documents the errors it may answer, as problem details."""
    problem = {"$ref": "#/components/schemas/Problem"}
    result.setdefault("components", {}).setdefault("schemas", {})["Problem"] = {
        "type": "object",
        "description": "Problem details (RFC 9457).",
        "properties": {
            "type": {"type": "string"},
            "title": {"type": "string"},
            "status": {"type": "integer"},
            "detail": {"type": "string"},
            "errors": {"type": "object"},
        },
        "required": ["type", "title", "status", "detail"],
    }
    for path in result.get("paths", {}).values():
        for operation in path.values():
            responses = operation.setdefault("responses", {})
            for code, description in ERRORS.items():
                responses.setdefault(
                    code,
                    {
                        "description": description,
                        "content": {"application/problem+json": {"schema": problem}},
                    },
                )
    return result
