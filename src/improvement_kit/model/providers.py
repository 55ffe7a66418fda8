"""Providers: schools, PRUs, colleges and training providers."""

from __future__ import annotations

import enum

import attrs

from improvement_kit.model.identifiers import la_code as _la_code_rule

__all__ = ["Provider", "ProviderType", "ReligiousCharacter"]


class ProviderType(enum.StrEnum):
    """The legal kind of a provider, which decides which rules apply to it."""

    COMMUNITY = "community"
    FOUNDATION = "foundation"
    VOLUNTARY_AIDED = "voluntary-aided"
    VOLUNTARY_CONTROLLED = "voluntary-controlled"
    COMMUNITY_SPECIAL = "community-special"
    FOUNDATION_SPECIAL = "foundation-special"
    MAINTAINED_NURSERY = "maintained-nursery"
    PUPIL_REFERRAL_UNIT = "pupil-referral-unit"
    ACADEMY = "academy"
    FREE_SCHOOL = "free-school"
    FE_COLLEGE = "fe-college"
    SIXTH_FORM_COLLEGE = "sixth-form-college"
    INDEPENDENT_TRAINING_PROVIDER = "independent-training-provider"
    WELSH_MAINTAINED_SCHOOL = "welsh-maintained-school"
    WELSH_PRU = "welsh-pru"

    @property
    def is_foundation_or_voluntary(self) -> bool:
        """Foundation and voluntary schools have foundation governors (EIA 2006 s.60(6)(d))."""
        return self in {
            ProviderType.FOUNDATION,
            ProviderType.VOLUNTARY_AIDED,
            ProviderType.VOLUNTARY_CONTROLLED,
            ProviderType.FOUNDATION_SPECIAL,
        }


class ReligiousCharacter(enum.StrEnum):
    """Religious character as far as the intervention rules care about it."""

    NONE = "none"
    CHURCH_OF_ENGLAND = "church-of-england"
    ROMAN_CATHOLIC = "roman-catholic"
    CHURCH_IN_WALES = "church-in-wales"
    OTHER = "other"

    @property
    def has_diocesan_authority(self) -> bool:
        """Church of England and Roman Catholic schools are copied to the diocese (s.60(6)(c))."""
        return self in {
            ReligiousCharacter.CHURCH_OF_ENGLAND,
            ReligiousCharacter.ROMAN_CATHOLIC,
            ReligiousCharacter.CHURCH_IN_WALES,
        }


def _check_la_code(instance: object, attribute: attrs.Attribute[str | None], value: object) -> None:
    if value is None:
        return
    try:
        _la_code_rule(value)
    except ValueError as exc:
        raise ValueError(f"{attribute.name}: {exc}") from None


@attrs.frozen
class Provider:
    """An education provider: identity, legal kind and who is responsible for it.

    ``identifier`` is the URN in England or the school number in Wales. ``la_code`` is the
    provider's local authority as its 3-digit GIAS code (``"830"`` for Derbyshire): it decides
    which councils' local procedures apply; ``local_authority`` is the name shown in documents.
    """

    identifier: str = attrs.field(validator=attrs.validators.min_len(1))
    name: str = attrs.field(validator=attrs.validators.min_len(1))
    type: ProviderType
    phase: str | None = None
    local_authority: str | None = None
    la_code: str | None = attrs.field(default=None, validator=_check_la_code)
    religious_character: ReligiousCharacter = ReligiousCharacter.NONE
    diocese: str | None = None
    foundation_governor_appointer: str | None = None
    trust: str | None = None
    head_teacher: str | None = None
    chair_of_governors: str | None = None
    address: str | None = None
