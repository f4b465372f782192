"""Dateline indexer: read news archives, extract outlet/date/speakers/entities, write the Whoosh index."""
