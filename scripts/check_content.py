"""Placeholder: filled in by the checks work (issue 4)."""

from __future__ import annotations


def check(cfg):
    return []


def check_site(cfg, site_dir):
    return []
