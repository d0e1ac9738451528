"""Monthly SLA report, generated on AWS Bedrock for data-residency reasons."""

from __future__ import annotations

import json

import boto3

REPORT_MODEL_ID = "eu.anthropic.claude-sonnet-4-6"

bedrock = boto3.client("bedrock-runtime", region_name="eu-central-1")


def monthly_sla_report(month: str, incidents: list[dict]) -> str:
    response = bedrock.converse(
        modelId=REPORT_MODEL_ID,
        system=[
            {
                "text": "You write the monthly SLA report for Acme Cloud customers. "
                "Be factual, list every incident with its duration and affected "
                "regions, and compute availability per region."
            }
        ],
        messages=[
            {
                "role": "user",
                "content": [{"text": f"Month: {month}\n\n{json.dumps(incidents, indent=2)}"}],
            }
        ],
        inferenceConfig={"maxTokens": 4096, "temperature": 0.2},
    )
    return response["output"]["message"]["content"][0]["text"]


def incident_headline(incident: dict) -> str:
    response = bedrock.converse(
        modelId="anthropic.claude-haiku-4-5",
        messages=[
            {
                "role": "user",
                "content": [
                    {"text": "Write a one-line headline for this incident:"},
                    {"text": json.dumps(incident)},
                ],
            }
        ],
    )
    return response["output"]["message"]["content"][0]["text"]
