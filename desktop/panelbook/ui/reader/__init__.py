"""The pack reader: the PDF (or text) of an agenda pack, its page map, selection and find."""
