"""Page objects: extract company records from a saved page, with no Scrapy import.

``extract_records(html, url)`` returns every company a person can see on a page; ``ListingPage``
adds detail links and pagination for directory pages; ``decode_html`` turns bytes into text;
``extract_json_records`` reads JSON API listings (load-more endpoints).

Layers, merged per record (each field says where it came from in ``record.evidence``):

1. structured data (:mod:`.structured`, :mod:`.hcard`): schema.org organizations and places in
   JSON-LD, microdata and RDFa, hCards; Events give their venue (``location``);
2. repeated record blocks (:mod:`.listing`): sibling cards, rows or list items built alike, most
   of them showing an address, a phone, a booth or a "City, Country" line;
3. contact details in visible text (:mod:`.contact`, :mod:`.phones`, :mod:`.emails`,
   :mod:`.addresses`): phonenumbers' matcher with a region voted from TLD, language and
   addresses; obfuscated and Cloudflare-protected e-mails; postal-code patterns per country;
4. names (:mod:`.names`, :mod:`.offices`): labels, the h1 above contact details, the name
   printed above an address, legal forms, © lines, never an agency credit or a section title.

On a company page the result is one record, or one per office when offices with different
names and addresses are shown; on a directory's page about one company the directory's own
footer contacts are left out; a page with no business gives ``[]``. ``SourceHints`` selectors
from a profile override the automatic way.
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
