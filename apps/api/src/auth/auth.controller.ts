import { Body, Controller, Get, HttpCode, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import type { Request } from 'express';
import { MAX_LENGTH } from '@dsyb/contracts';
import { CurrentUser, Public } from './auth.decorators';
import { AuthService } from './auth.service';
import type { AuthUser } from './auth.types';
import { NormalizedUsername } from './username';

export class LoginDto {
  @NormalizedUsername() @IsString() @IsNotEmpty() @MaxLength(100) username!: string;
  @IsString() @IsNotEmpty() @MaxLength(MAX_LENGTH.user.password) password!: string;
}

export class ChangePasswordDto {
  @IsString() @IsNotEmpty() @MaxLength(MAX_LENGTH.user.password) currentPassword!: string;
  /** Checked against the password policy (at least 12 characters, not the username, not easy to guess). */
  @IsString() @IsNotEmpty() @MaxLength(MAX_LENGTH.user.password) newPassword!: string;
}

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  login(@Body() dto: LoginDto, @Req() request: Request) {
    return this.auth.login(dto.username, dto.password, request.ip);
  }

  @ApiBearerAuth()
  @Get('me')
  me(@CurrentUser() user: AuthUser): AuthUser {
    return user;
  }

  /** One's own password; the answer is a new session, as every earlier token of the user now ends. */
  @ApiBearerAuth()
  @Post('password')
  @HttpCode(200)
  changePassword(@Body() dto: ChangePasswordDto, @CurrentUser() user: AuthUser, @Req() request: Request) {
    return this.auth.changeOwnPassword(user, dto.currentPassword, dto.newPassword, request.ip);
  }
}
