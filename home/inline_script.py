"""The one inline script public pages run, and the Content Security Policy source that allows it.

GOV.UK Frontend's line that marks the page as running JavaScript must run before the page is
drawn, so it cannot wait for a file. It is allowed by its hash rather than by a nonce: a nonce
is new for each response, so no two visitors' pages would be the same and no page could be
cached whole. The template writes this text (`{% js_enabled_script %}`) and the policy names its
hash, so the two cannot drift apart.
"""

import base64
import hashlib

JS_ENABLED = (
    "document.body.className += ' js-enabled' + "
    "('noModule' in HTMLScriptElement.prototype ? ' govuk-frontend-supported' : '');"
)


def hash_source(script):
    """The policy's source for an inline script with exactly this text: 'sha256-...'."""
    digest = hashlib.sha256(script.encode()).digest()
    return f"'sha256-{base64.b64encode(digest).decode()}'"
