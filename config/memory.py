"""Keeping Python's garbage collector off what a server process loads once.

A request leaves some objects in reference cycles (Django's request and response, template
contexts), and Python's collector clears them. Every so often it looks through every object it
has ever kept: by the time a worker has loaded Django, Wagtail and the site, that is about
200,000 objects, and that look took 70 to 80 ms, in whichever request set it off (the slowest
one search in twenty on 10,000 pages). Frozen, the objects loaded at start are left out of those
looks for good; they are still there, and anything new is collected as before.
"""

import gc


def freeze_what_is_loaded():
    gc.collect()
    gc.freeze()
