"""Scorers: polarity (textblob-fr), sarcasm and stance, behind stable interfaces."""
