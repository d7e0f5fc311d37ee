"""Small fixture web sites served from 127.0.0.1 for crawl tests."""
