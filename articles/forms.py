from django.forms.models import BaseInlineFormSet


class QuoteFormSet(BaseInlineFormSet):
    def clean(self):
        super().clean()
        # The database allows a text once per article; two equal rows in one form would both pass model
        # validation, since neither is saved yet.
        seen = set()
        for form in self.forms:
            if self._should_delete_form(form) or not hasattr(form, "cleaned_data"):
                continue
            text = form.cleaned_data.get("text")
            if not text:
                continue
            if text in seen:
                form.add_error("text", "This article already has this quote.")
            seen.add(text)
