"""Three pairs that go to ``leadgen review``: a hotel restaurant's two listings at one
address, one name with its city run into it ("Dining Room San Francisco"; in brackets after
the name, the city is left out and the two would merge)."""

PAIRS = """id,name,street,city
1,Ritz-Carlton Restaurant and Dining Room,600 Stockton St.,San Francisco
2,Ritz-Carlton Dining Room San Francisco,600 Stockton St.,San Francisco
3,Adlon Kempinski Restaurant and Dining Room,Unter den Linden 77,Berlin
4,Adlon Kempinski Dining Room Berlin,Unter den Linden 77,Berlin
5,Sacher Restaurant and Dining Room,Philharmonikerstrasse 4,Wien
6,Sacher Dining Room Wien,Philharmonikerstrasse 4,Wien
"""
