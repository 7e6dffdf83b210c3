def dialable(number) -> str:
    """A phone number as written ("0808 2000 247", "18001 101") reduced to what a phone dials."""
    return "".join(ch for ch in str(number) if ch.isdigit() or ch == "+")
