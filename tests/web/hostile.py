"""A hostile article: markup and script in the text itself.  Every page must show it as text (escaped) and
run none of it; the browser test checks that no dialog fires and no element from the text exists."""

HOSTILE_TEXT = """Ministry spokesman Karim Haddad said on Tuesday that the convoy reached Aleppo.

<script>alert("script-in-text")</script>
Haddad told reporters <img src=x onerror="alert('onerror-in-text')"> that more aid would follow.
Read the statement <a href="javascript:alert('javascript-link')">here</a> or </textarea><script>alert('textarea-breakout')</script>
Residents said <svg onload="alert('svg-onload')"></svg> the road to Idlib was closed.
"""

MARKERS = ("script-in-text", "onerror-in-text", "javascript-link", "textarea-breakout", "svg-onload")
