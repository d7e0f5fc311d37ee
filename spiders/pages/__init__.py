"""Page objects: extract company records from a saved page, with no Scrapy import.

``extract_records(html, url)`` returns every company a person can see on a page; ``ListingPage``
adds detail links and pagination for directory pages; ``decode_html`` turns bytes into text.
"""

from spiders.pages.encoding import decode_html
from spiders.pages.extract import extract_records
from spiders.pages.jsonapi import extract_json_records
from spiders.pages.listing_page import ListingPage
from spiders.pages.models import ExtractedRecord, SourceHints

__all__ = [
    "ExtractedRecord",
    "ListingPage",
    "SourceHints",
    "decode_html",
    "extract_json_records",
    "extract_records",
]
