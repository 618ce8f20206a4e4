from newsroom.forms import DistinctFormSet


class QuoteFormSet(DistinctFormSet):
    distinct_field = "text"
    message = "This article already has this quote."


class PersonMentionFormSet(DistinctFormSet):
    distinct_field = "person"
    message = "{value} is listed twice."


class OrganizationMentionFormSet(DistinctFormSet):
    distinct_field = "organization"
    message = "{value} is listed twice."
