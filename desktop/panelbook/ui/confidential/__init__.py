"""Confidential papers in the window: locking and unlocking them, setting them up, the recovery code."""
