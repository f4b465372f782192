"""Evaluation scorers for extraction quality (importable as ``scripts.eval.<name>``)."""
