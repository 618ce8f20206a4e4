from django.forms.models import BaseInlineFormSet


class DistinctFormSet(BaseInlineFormSet):
    """An inline formset whose rows may not repeat a value the database holds once per parent.

    Two equal rows in one form both pass model validation, since neither is saved yet; without this
    check the database constraint would turn them into a server error.
    """

    distinct_field = None
    message = "“{value}” is listed twice."

    @staticmethod
    def comparable(value):
        return value

    def clean(self):
        super().clean()
        seen = set()
        for form in self.forms:
            if self._should_delete_form(form) or not hasattr(form, "cleaned_data"):
                continue
            value = form.cleaned_data.get(self.distinct_field)
            if not value:
                continue
            if self.comparable(value) in seen:
                form.add_error(self.distinct_field, self.message.format(value=value))
            seen.add(self.comparable(value))
