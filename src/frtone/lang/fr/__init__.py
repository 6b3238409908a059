"""French language data used by frtone's segmenter, claim analysis and cue finders."""
