"""Static files in production: hashed, compressed names once collectstatic has run."""

from whitenoise.storage import CompressedManifestStaticFilesStorage


class StaticFilesStorage(CompressedManifestStaticFilesStorage):
    """Before collectstatic has written its manifest, a file's own name, served from the app's folders
    (settings: WHITENOISE_USE_FINDERS), so pages render instead of failing on a missing manifest entry.

    With a manifest, a name missing from it is still an error: the build is incomplete.
    """

    def stored_name(self, name):
        if not self.hashed_files:
            return name
        return super().stored_name(name)
