"""Checks of the Helm chart, the plain manifests and the alert rules.

Run through ``scripts/check-deploy``, which installs the tools (Helm's engine via
helm-python-sdk, kubernetes-validate, check-jsonschema, promtool, yamllint) and
calls the subcommands in ``__main__``. Every check records a failure instead of
stopping, so one run reports everything that is wrong.
"""
