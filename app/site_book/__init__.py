"""The site workbook (站点工作簿): buildings, people and duties, cameras and sensors in one .xlsx."""
