from newsroom.forms import DistinctFormSet


class QuoteFormSet(DistinctFormSet):
    distinct_field = "text"
    message = "This article already has this quote."
