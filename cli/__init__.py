"""The khabar command line: parses arguments, calls the library, renders. No extraction here."""
