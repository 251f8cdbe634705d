"""A member's markup: notes, questions, lines of enquiry, flags and highlights, and their menu."""
